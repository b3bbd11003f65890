// A message's tags as small chips: a coloured dot and the name, the name in the text's own
// colour so it reads on every background (the colour is the dot's alone).
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { shownTags } from './tag-labels';
import './tags.css';

interface TagChipsProps {
  keywords: readonly string[] | undefined;
  /** Gmail's labels of the message, shown after its tags. */
  labels?: readonly string[] | undefined;
  className?: string;
}

export function TagChips({ keywords, labels, className }: TagChipsProps) {
  const { t } = useTranslation();
  const tags = shownTags(keywords, t, labels);
  if (tags.length === 0) return null;
  return (
    <span className={className ? `tag-chips ${className}` : 'tag-chips'}>
      {tags.map((tag) => (
        <span key={tag.keyword} className="tag-chip" style={{ '--tag-colour': tag.colour } as CSSProperties}>
          <span className="tag-dot" aria-hidden="true" />
          {tag.name}
        </span>
      ))}
    </span>
  );
}
