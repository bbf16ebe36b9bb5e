import type { Role } from "@/db/schema/users";

export type { Role };

export const roleLabels: Record<Role, string> = { member: "Member", staff: "Staff", admin: "Admin" };

export const isStaffRole = (role: Role) => role === "staff" || role === "admin";
export const isAdminRole = (role: Role) => role === "admin";
