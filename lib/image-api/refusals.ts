// Refusals of an input shared by the renderer and the checks before it, in a module without sharp: the modules that
// check before rendering (and the server's start) need not load it.
import { KuraError } from '@/lib/errors';

/** 400: bytes libvips has no loader for (BMP in this build, a file sniffed wrongly). */
export const NOT_AN_IMAGE = 'The file is not an image that can be transformed';

/** An input over KURA_MAX_INPUT_PIXELS (413): refused from its stored size before decoding, or by the decoder. */
export const tooLarge = (pixels: number, limit: number) =>
  new KuraError('too_large', `The image is too large to transform (${pixels} pixels; the limit is ${limit})`);
