export * from "./users";
export * from "./site";
