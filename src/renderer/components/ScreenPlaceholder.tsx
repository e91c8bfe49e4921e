// What a screen shows until its feature is built: its name and the step of the help
// article it will serve. No sample data — nothing on it pretends to be real.
interface Props {
  title: string;
  step: string;
}

export function ScreenPlaceholder({ title, step }: Props) {
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">{title}</h1>
      </header>
      <p className="placeholder-step">{step}</p>
    </section>
  );
}
