/** What every model kind implements: a synchronous prediction for one text. */
export interface Model<Prediction = unknown> {
  /** Runs the model on one text. Must not throw for any string within the request limits. */
  predict(text: string): Prediction;
}
