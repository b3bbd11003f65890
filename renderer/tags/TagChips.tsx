// A message's tags as small chips: a coloured dot and the name, the name in the text's own
// colour so it reads on every background (the colour is the dot's alone).
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { type ShownTag, shownTags } from './tag-labels';
import './tags.css';

interface TagChipsProps {
  keywords: readonly string[] | undefined;
  /** Gmail's labels of the message, shown after its tags. */
  labels?: readonly string[] | undefined;
  className?: string;
}

export function TagChips({ keywords, labels, className }: TagChipsProps) {
  const { t } = useTranslation();
  return <TagChipList tags={shownTags(keywords, t, labels)} className={className} />;
}

/**
 * The chips of tags already named (shownTags), without a hook of its own: each message row mounts
 * one as it scrolls in, and react-i18next's useTranslation copies the i18n instance's properties
 * on every mount, a fifth of a row's render while the list scrolls.
 */
export function TagChipList({ tags, className }: { tags: readonly ShownTag[]; className?: string | undefined }) {
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
