// A grip beside the message's date: drag it to the desktop or a file manager and the message
// lands there as an .eml file (drag-out.ts). A pointer's tool only: "Save as .eml" (Mod+S, the
// palette) does the same from the keyboard, so the grip takes no focus.
import { useTranslation } from 'react-i18next';
import type { MessageId } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { Icon } from '../ui/Icon';
import './reader-tools.css';
import { dragOutWay, pressDragHandle, startDragHandle } from './drag-out';

export function EmlDragHandle({ id }: { id: MessageId }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const way = dragOutWay(window.location);
  return (
    <span
      className="eml-drag-handle"
      draggable
      role="img"
      aria-label={t('dragOut.handle')}
      title={t('dragOut.handle')}
      onPointerDown={() => pressDragHandle(transport, id, way)}
      onDragStart={(event) => startDragHandle(event, transport, id, way)}
    >
      <Icon name="mail" size={14} />
    </span>
  );
}
