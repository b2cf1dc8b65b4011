/** A drawn face for a rating level (no emoji font needed on the kiosk): 1 = saddest … 1 = happiest. */
export function Face({ mood, size = 80 }: { mood: number; size?: number }) {
  // mood in [0, 1]: mouth curve from frown to smile, colour from red to green.
  const curve = (mood - 0.5) * 28;
  const hue = Math.round(mood * 120);
  return (
    <svg width={size} height={size} viewBox="0 0 100 100" aria-hidden="true">
      <circle cx="50" cy="50" r="46" fill={`hsl(${hue} 70% 55%)`} stroke="#333" strokeWidth="3" />
      <circle cx="35" cy="40" r="6" fill="#222" />
      <circle cx="65" cy="40" r="6" fill="#222" />
      <path d={`M 28 68 Q 50 ${68 + curve} 72 68`} fill="none" stroke="#222" strokeWidth="6" strokeLinecap="round" />
    </svg>
  );
}
