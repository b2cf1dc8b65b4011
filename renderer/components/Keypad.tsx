/** Large on-screen keypad for ticket numbers (a letter prefix, then digits). */
export function Keypad({ letters, onKey }: { letters: string[]; onKey: (k: string) => void }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 14, alignItems: 'center' }}>
      {letters.length > 0 && (
        <div className="keypad letters">
          {letters.map((l) => (
            <button type="button" key={l} onClick={() => onKey(l)}>
              {l}
            </button>
          ))}
        </div>
      )}
      <div className="keypad">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9', '⌫', '0', 'C'].map((k) => (
          <button type="button" key={k} onClick={() => onKey(k)} aria-label={k === '⌫' ? 'Xóa một ký tự' : k === 'C' ? 'Xóa hết' : k}>
            {k === '⌫' ? '←' : k}
          </button>
        ))}
      </div>
    </div>
  );
}
