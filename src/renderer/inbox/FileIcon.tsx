// A picture or a paperclip, drawn inline: the app cannot count on an emoji font being there.
interface Props {
  image: boolean;
  size?: number;
}

export function FileIcon({ image, size = 14 }: Props) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {image ? (
        <>
          <rect x="1.75" y="2.75" width="12.5" height="10.5" rx="1.5" />
          <circle cx="5.5" cy="6.25" r="1.25" />
          <path d="M2.5 12l3.5-3.5 2.5 2.5 2-2 3 3" />
        </>
      ) : (
        <path d="M10.5 4.5l-5 5a1.5 1.5 0 002.1 2.1l5.3-5.3a3 3 0 00-4.2-4.2L3.4 7.4a4.5 4.5 0 006.4 6.4l4.2-4.3" />
      )}
    </svg>
  );
}
