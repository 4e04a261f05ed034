/** A field's own message from the server, under the field; its input names it in `aria-describedby`. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return (
    <p id={id} className="mt-1 text-sm text-red-600 empty:hidden">
      {message}
    </p>
  );
}
