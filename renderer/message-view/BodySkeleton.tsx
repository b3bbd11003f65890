// The shape of a message body while it loads.
const LINE_WIDTHS = [92, 86, 95, 60, 0, 88, 73];

export function BodySkeleton() {
  return (
    <div className="body-skeleton" aria-hidden="true">
      {LINE_WIDTHS.map((width, index) => (
        <div key={index} className={width ? 'skeleton-line' : 'skeleton-gap'} style={{ inlineSize: `${width}%` }} />
      ))}
    </div>
  );
}
