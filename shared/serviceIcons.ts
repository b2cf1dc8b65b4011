// The icon keys a service or a group may carry (the stored `icon` field). The renderer draws each
// with one bundled icon set (renderer/components/ServiceIcon.tsx); an unknown or empty key draws a
// plain document, so an old value never breaks a tile.
export const SERVICE_ICON_KEYS = [
  'family', 'stamp', 'land', 'scales', 'people', 'inbox', 'tree', 'briefcase', 'building', 'car', 'health', 'education',
  'factory', 'wheat', 'culture', 'science', 'finance', 'tax', 'shield', 'police', 'globe', 'industry', 'document', 'baby',
] as const;
export type ServiceIconKey = (typeof SERVICE_ICON_KEYS)[number];
