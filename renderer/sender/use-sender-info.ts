// What the engine knows of the open message's sender (message.senderInfo), asked once per
// message. Offline or failed: nothing is shown, rather than a wrong "not verified".
import { useEffect, useState } from 'react';
import type { SenderInfo } from '../../shared/contract-reader';
import type { MessageId } from '../../shared/domain';
import { useTransport } from '../app/app-services';

export function useSenderInfo(id: MessageId): SenderInfo | null {
  const transport = useTransport();
  const [info, setInfo] = useState<{ id: MessageId; info: SenderInfo } | null>(null);
  useEffect(() => {
    let live = true;
    transport.invoke('message.senderInfo', { id }).then(
      (answer) => live && setInfo({ id, info: answer }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [transport, id]);
  return info?.id === id ? info.info : null;
}
