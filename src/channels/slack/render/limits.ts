/**
 * Slack's Block Kit limits (https://docs.slack.dev/reference/block-kit). Slack rejects a whole message
 * (`invalid_blocks`) when one value is too long, so the renderer keeps every value within these.
 */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  /** Top-level `text` of a message: Slack truncates after 40,000; a notification needs far less. */
  messageText: 3000,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  imageUrl: 3000,
  imageAlt: 2000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  placeholder: 150,
  textInputMax: 3000,
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
} as const;
