// Every operation kind the queue can replay, by name.
import { expunge } from './expunge';
import { folderCreate } from './folder-create';
import { folderDelete } from './folder-delete';
import { folderRename } from './folder-rename';
import { folderSubscribe } from './folder-subscribe';
import { move } from './move';
import type { Operation } from './operation';
import { setFlags } from './set-flags';
import { setKeywords } from './set-keywords';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads are checked per kind
export const operations: Record<string, Operation<any, any>> = {
  [setFlags.kind]: setFlags,
  [move.kind]: move,
  [expunge.kind]: expunge,
  [setKeywords.kind]: setKeywords,
  [folderCreate.kind]: folderCreate,
  [folderRename.kind]: folderRename,
  [folderDelete.kind]: folderDelete,
  [folderSubscribe.kind]: folderSubscribe,
};
