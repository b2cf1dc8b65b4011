import type { ReactNode } from 'react';

/** The admin's list-on-the-left, form-on-the-right layout shared by services, counters and officers. */
export function EditorLayout<T extends { id: number }>(props: {
  title: string;
  items: T[];
  label: (item: T) => ReactNode;
  onEdit: (item: T) => void;
  formTitle: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 22 }}>
      <div className="panel">
        <h2>{props.title}</h2>
        <ul className="list">
          {props.items.map((item) => (
            <li key={item.id}>
              <span>{props.label(item)}</span>
              <button type="button" className="btn-secondary" onClick={() => props.onEdit(item)}>
                Sửa
              </button>
            </li>
          ))}
        </ul>
      </div>
      <form
        className="panel"
        style={{ display: 'grid', gap: 10 }}
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        <h2>{props.formTitle}</h2>
        {props.children}
      </form>
    </div>
  );
}
