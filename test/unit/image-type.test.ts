// The image type sniffed from the bytes: whatever a server claims, HTML never becomes an image.
import { describe, expect, it } from 'vitest';
import { imageDataType } from '../../electron/core/remote/image-type';
import { text } from '../support/fake-remote-fetch';

describe('imageDataType', () => {
  it('imageDataType never turns HTML into an image type', () => {
    for (const type of ['image/png', 'image/svg+xml', 'image/gif'])
      expect(imageDataType(type, text('<html><img src=x onerror=alert(1)>'))).toBeNull();
  });
});
