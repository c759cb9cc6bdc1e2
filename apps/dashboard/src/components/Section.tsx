import type { ReactNode } from 'react';

/** A titled card on a page. */
export function Section({ title, children, className, actions, testId }: { title: string; children: ReactNode; className?: string; actions?: ReactNode; testId?: string }) {
  return (
    <section className={`card${className ? ` ${className}` : ''}`} data-testid={testId}>
      <header className="card-header"><h2>{title}</h2>{actions ? <div className="card-actions">{actions}</div> : null}</header>
      {children}
    </section>
  );
}
