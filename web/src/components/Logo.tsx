// The NTB Care mark: a speech bubble carrying a heart. Decorative; the name is text beside it.
export function Logo() {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="#0b5d7a" />
      <path
        d="M7 9h18a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-9l-6 5v-5H7a2 2 0 0 1-2-2v-9a2 2 0 0 1 2-2z"
        fill="#fff"
      />
      <path
        d="M16 19.5l-4.2-4a2.4 2.4 0 0 1 3.4-3.4l.8.8.8-.8a2.4 2.4 0 0 1 3.4 3.4z"
        fill="#d9480f"
      />
    </svg>
  );
}
