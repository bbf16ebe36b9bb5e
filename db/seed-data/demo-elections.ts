import type { CandidateOrder } from "@/lib/model/elections";

/** An election's texts and its ballot: one race and one measure. */
export type DemoElection = {
  slug: string;
  title: string;
  description: string;
  race: { title: string; seats: number; writeIn: boolean; candidateOrder: CandidateOrder; candidates: { name: string; statement: string }[] };
  measure: { title: string; text: string };
};

/**
 * The demo elections' texts: an election open now and last year's, certified. Fictional
 * candidates; the statements are short Markdown, as candidates would write them.
 */
export const demoOpenElection: DemoElection = {
  slug: "board-of-directors-2027",
  title: "Board of directors 2027",
  description:
    "Every ownership has one vote. This year owners elect **three directors** for two-year terms and vote on one change to the bylaws.\n\nVote online with the link in your email or from your account, or on paper at the store's front desk.",
  race: {
    title: "Board of directors",
    seats: 3,
    writeIn: true,
    candidateOrder: "shuffled",
    candidates: [
      {
        name: "Rosalind Achterberg",
        statement: "I have shopped here since the store was on Alexander Street. As a bookkeeper for small nonprofits, I want the board to:\n\n- publish a plain-language budget each spring\n- keep the equity refund policy fair to owners who move away",
      },
      {
        name: "Tobias Ferreira-Lund",
        statement: "I run the bulk aisle's Saturday volunteer shift. I would like more local growers on our shelves and a **standing farmer liaison** on the board.",
      },
      {
        name: "Imani Okonkwo",
        statement: "Food access is why I joined. I will push to grow the FLOWER discount and to keep prices on staples within reach of every neighbour.",
      },
      {
        name: "Walter Pennington",
        statement: "Twenty years in building maintenance taught me that roofs and freezers fail at the worst time. I want a *ten-year repair plan* so we are never surprised.",
      },
      {
        name: "Yuki Sandoval",
        statement: "I teach at the elementary school down the street. I will work for cooking classes for families and a board that answers owners' questions within a week.",
      },
    ],
  },
  measure: {
    title: "Bylaw amendment: owners' meetings online",
    text: "**Article IV, section 2** (owners' meetings) now reads:\n\n> The annual meeting of owners shall be held in Rochester, New York, at a place the board chooses.\n\nThe amendment would make it read:\n\n> The annual meeting of owners shall be held in Rochester, New York, at a place the board chooses. Owners may also take part and vote by a secure online connection that lets them hear and be heard, and those who do count toward the quorum.\n\nA **yes** vote adopts the amendment; a **no** vote keeps the section as it is.",
  },
};

export const demoPastElection: DemoElection = {
  slug: "board-of-directors-2026",
  title: "Board of directors 2026",
  description: "Owners elected three directors for two-year terms and voted on a change to how board vacancies are filled.",
  race: {
    title: "Board of directors",
    seats: 3,
    writeIn: true,
    candidateOrder: "alphabetical",
    candidates: [
      { name: "Harriet Blomqvist", statement: "Treasurer for the last two years; I would like to finish the switch to a local credit union." },
      { name: "Desmond Achebe-Hart", statement: "Produce manager at a farm stand for ten years. More local food, fairly priced." },
      { name: "Priya Venkataraman", statement: "I want our meetings open, our minutes online and our owners heard." },
      { name: "Colm Oyelaran", statement: "A new owner with fresh eyes: I will listen first." },
    ],
  },
  measure: {
    title: "Bylaw amendment: filling board vacancies",
    text: "**Article V, section 6** would let the board appoint a director to fill a vacancy **until the next annual election**, instead of holding a special election within ninety days.\n\nA **yes** vote adopts the amendment; a **no** vote keeps special elections.",
  },
};
