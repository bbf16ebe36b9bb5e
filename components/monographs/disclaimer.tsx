/** Shown on every monograph, on screen and in print. */
export function MonographDisclaimer() {
  return (
    <aside aria-label="About this information" className="mt-8 rounded-lg border border-amber-700 bg-amber-50 p-4 text-sm">
      <p>
        <strong>This is general information, not medical advice.</strong> It summarises published research so you can
        have a better-informed conversation with a doctor, pharmacist or other qualified practitioner. Natural products
        can interact with medicines and are not right for everyone, especially during pregnancy, while breastfeeding or
        for children. Ask a health professional before starting, stopping or changing any treatment.
      </p>
    </aside>
  );
}
