// Tags as commands: the five known labels toggled on the messages an action applies to (keys
// 1 to 5, as in Thunderbird), and all tags removed (0). A label is added unless every one of
// those messages has it already, then it is removed: the same rule as the star. "New tag…" asks
// for a name of the user's own (NewTagDialog) and adds it.
import type { Transport } from '../../shared/contract';
import type { MessageId } from '../../shared/domain';
import { KNOWN_LABELS, isTagKeyword } from '../../shared/tags';
import type { Command } from '../app/use-app-commands';
import { requestNewTag } from './new-tag-request';

export const TAG_ACTIONS = [
  'toggleTag1',
  'toggleTag2',
  'toggleTag3',
  'toggleTag4',
  'toggleTag5',
  'removeTags',
  'newTag',
] as const;
export type TagActionId = (typeof TAG_ACTIONS)[number];

export async function toggleKeyword(transport: Transport, ids: MessageId[], keyword: string): Promise<void> {
  const headers = await transport.invoke('messages.get', { ids });
  const lower = keyword.toLowerCase();
  const everyHas =
    headers.length > 0 && headers.every((header) => header.keywords?.some((each) => each.toLowerCase() === lower));
  await transport.invoke('messages.setKeywords', everyHas ? { ids, remove: [keyword] } : { ids, add: [keyword] });
}

export async function removeAllTags(transport: Transport, ids: MessageId[]): Promise<void> {
  const headers = await transport.invoke('messages.get', { ids });
  const tags = [...new Set(headers.flatMap((header) => (header.keywords ?? []).filter(isTagKeyword)))];
  if (tags.length) await transport.invoke('messages.setKeywords', { ids, remove: tags.slice(0, 20) });
}

/** What a command reads when it runs: the messages it applies to, and where failures go. */
export interface TagCommandContext {
  targets: MessageId[];
  onFailure: (error: unknown) => void;
}

export function tagCommands(
  transport: Transport,
  hasTargets: boolean,
  context: () => TagCommandContext,
): Record<TagActionId, Command> {
  const toggle = (index: number): Command => ({
    enabled: hasTargets,
    run: () => {
      const { targets, onFailure } = context();
      void toggleKeyword(transport, targets, KNOWN_LABELS[index]!.keyword).catch(onFailure);
    },
  });
  return {
    toggleTag1: toggle(0),
    toggleTag2: toggle(1),
    toggleTag3: toggle(2),
    toggleTag4: toggle(3),
    toggleTag5: toggle(4),
    removeTags: {
      enabled: hasTargets,
      run: () => {
        const { targets, onFailure } = context();
        void removeAllTags(transport, targets).catch(onFailure);
      },
    },
    newTag: {
      enabled: hasTargets,
      run: () => {
        // the targets as they are now: the dialog may stay open while the selection changes
        const { targets, onFailure } = context();
        requestNewTag((keyword) => {
          transport.invoke('messages.setKeywords', { ids: targets, add: [keyword] }).catch(onFailure);
        });
      },
    },
  };
}
