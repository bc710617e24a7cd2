import { ICONS } from '../../../shared/catalog/icons.generated';

const dataUrls = new Map<string, string>();

/** A data: URL for an icon of the bundled set; computed once per icon, shared by every node. */
export function iconUrl(iconId: string): string {
  let url = dataUrls.get(iconId);
  if (!url) {
    const svg = ICONS[iconId] ?? '';
    url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    dataUrls.set(iconId, url);
  }
  return url;
}
