import type { Map as MaplibreMap } from 'maplibre-gl';

/** Offer a file to the user (an object URL clicked through a temporary link). */
export function download(content: Blob, filename: string): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL is revoked.
  window.setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

/**
 * The map as a PNG. WebGL clears its buffer after each frame, so the canvas is read inside the
 * next `render` event, while the frame is still there.
 */
export function mapPng(map: MaplibreMap): Promise<Blob> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      map.getCanvas().toBlob((blob) => {
        if (blob) resolve(blob);
        else reject(new Error('The map could not be drawn as an image.'));
      }, 'image/png');
    });
    map.triggerRepaint();
  });
}

export function stamp(): string {
  return new Date().toISOString().slice(0, 10);
}
