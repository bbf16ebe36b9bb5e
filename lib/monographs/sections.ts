/** A monograph's body sections, in reading order, with the headings files and pages use. */
export const monographSectionKeys = ["background", "theoryEvidence", "safety", "practiceDosing", "authorInformation"] as const;
export type MonographSectionKey = (typeof monographSectionKeys)[number];

export const sectionHeadings: Record<MonographSectionKey, string> = {
  background: "Background",
  theoryEvidence: "Theory / Evidence",
  safety: "Safety",
  practiceDosing: "Practice / Dosing",
  authorInformation: "Author information",
};
