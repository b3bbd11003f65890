// Files the user picked, dropped or pasted, as the engine's 'data' attachments. The bytes cross
// to the engine once: the next drafts.save turns each into a 'stored' reference.
import { contentTypeSchema, type ComposeAttachment } from '../../shared/compose';

function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** A name for a pasted picture, which comes without one: "image-2026-11-26-1204.png". */
export function pastedImageName(type: string, now = new Date()): string {
  const extension = /^image\/(png|jpeg|gif|webp|bmp)$/.exec(type)?.[1]?.replace('jpeg', 'jpg') ?? 'png';
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `image-${stamp}.${extension}`;
}

export async function fileToAttachment(file: File, name = file.name): Promise<ComposeAttachment> {
  const contentType = contentTypeSchema.safeParse(file.type).success ? file.type : 'application/octet-stream';
  return {
    source: 'data',
    filename: (name || 'attachment').slice(0, 255),
    contentType,
    dataBase64: await readAsBase64(file),
  };
}
