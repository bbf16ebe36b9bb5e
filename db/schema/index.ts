export * from "./users";
export * from "./site";
export * from "./email";
export * from "./audit";
export * from "./rate-limits";
export * from "./monographs";
export * from "./owners";
export * from "./jobs";
