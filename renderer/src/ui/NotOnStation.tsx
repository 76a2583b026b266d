/** A run or batch asked for by address that this station's cache does not hold. */
export function NotOnStation({ what, back, backLabel }: { what: string; back: string; backLabel: string }) {
  return (
    <section className="page-pad">
      <h2>{what} is not on this station</h2>
      <p>
        <a href={back}>{backLabel}</a>
      </p>
    </section>
  );
}
