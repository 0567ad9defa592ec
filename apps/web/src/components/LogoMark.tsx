interface LogoMarkProps {
  size?: number;
  /** Colour of the word "Raccord"; the mark keeps its own colours. */
  textColor?: string;
  showText?: boolean;
}

/** Two linked rings: the "raccord" (connection) between an owner and its provider. */
export function LogoMark({ size = 28, textColor = 'inherit', showText = true }: LogoMarkProps) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 10 }}>
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="#1f5faa" />
        <circle cx="12" cy="16" r="5.5" fill="none" stroke="#ffffff" strokeWidth="3" />
        <circle cx="20" cy="16" r="5.5" fill="none" stroke="#9cc3f0" strokeWidth="3" />
      </svg>
      {showText && (
        <span style={{ fontWeight: 650, fontSize: size * 0.64, letterSpacing: 0.2, color: textColor }}>Raccord</span>
      )}
    </span>
  );
}
