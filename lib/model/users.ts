/** What an account may do: members see their own things, staff run the portal, admins also manage staff and settings. */
export const roles = ["member", "staff", "admin"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = { member: "Member", staff: "Staff", admin: "Admin" };

export const isStaffRole = (role: Role) => role === "staff" || role === "admin";
export const isAdminRole = (role: Role) => role === "admin";
