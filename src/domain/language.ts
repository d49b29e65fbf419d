/** The languages FairExit understands and answers in. */
export type Language = "en" | "sv" | "de";

export const LANGUAGES: readonly Language[] = ["en", "de", "sv"];
