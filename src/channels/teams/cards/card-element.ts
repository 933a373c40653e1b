/** One element of an Adaptive Card, as JSON: the card builders and the form builder both make them. */
export type CardElement = Record<string, unknown>;
