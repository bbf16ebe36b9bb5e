import { ballotRefusalWords } from "@/lib/model/election-ballots";
import { AppError, CORRECT_FIELDS, type ErrorCode } from "@/lib/model/errors";
import { formatDateTime } from "@/lib/model/format";
import type { CastRefusal } from "./cast-ballot";

type Reason = CastRefusal["reason"];

/** A refusal as the action answers it (its error code) and as a voter reads it. */
type Words = { code: ErrorCode; words: (refusal: CastRefusal) => string };

/** The voter's words for every reason a cast is refused; a reason added to CastRefusal without words here does not compile. */
const castRefusalWords: { readonly [K in Reason]: Words } = {
  over_vote: ballot("over_vote"),
  unknown_candidate: ballot("unknown_candidate"),
  duplicate_choice: ballot("duplicate_choice"),
  write_in_not_allowed: ballot("write_in_not_allowed"),
  write_in_too_long: ballot("write_in_too_long"),
  write_in_control_characters: ballot("write_in_control_characters"),
  unknown_race: ballot("unknown_race"),
  unknown_measure: ballot("unknown_measure"),
  bad_answer: ballot("bad_answer"),
  already_voted: {
    code: "conflict",
    words: (refusal) => (refusal.reason === "already_voted" ? alreadyVotedWords(refusal.votedAt, refusal.channel) : ""),
  },
  election_not_found: { code: "not_found", words: () => "This election could not be found." },
  election_closed: { code: "conflict", words: () => "This election is not taking ballots now: voting has not begun, or it has closed." },
  not_on_roll: {
    code: "forbidden",
    words: () => "Your ownership is not on this election’s list of voters. If you think it should be, please ask at the store.",
  },
  link_not_valid: {
    code: "forbidden",
    words: () => "This ballot link does not work any more. Sign in to vote from your account, or ask at the store for a paper ballot.",
  },
  not_an_owner: { code: "forbidden", words: () => "Only owners vote in this election, and your account has no ownership." },
  not_the_voter: {
    code: "forbidden",
    words: () => "In this election only the primary owner casts the household’s vote. Please ask them to vote, online or on paper.",
  },
};

function ballot(reason: keyof typeof ballotRefusalWords): Words {
  return { code: "bad_request", words: () => ballotRefusalWords[reason] };
}

/** "Your household's vote was cast on …", the same on the page and after a second try. */
export function alreadyVotedWords(votedAt: Date, channel: "online" | "paper") {
  return `Your household’s vote was cast on ${formatDateTime(votedAt)} ${channel === "online" ? "online" : "on paper"}. Each ownership votes once, so there is nothing more to do.`;
}

export function castRefusalMessage(refusal: CastRefusal) {
  return castRefusalWords[refusal.reason].words(refusal);
}

/**
 * A refused cast as the error the action answers with: a refusal at one race or measure is
 * that fieldset's error (`race-<id>`, `measure-<id>`), anything else the form's message.
 */
export function castRefusalError(refusal: CastRefusal) {
  const { code } = castRefusalWords[refusal.reason];
  const words = castRefusalMessage(refusal);
  const field = "raceId" in refusal && refusal.raceId !== undefined ? `race-${refusal.raceId}` : "measureId" in refusal && refusal.measureId !== undefined ? `measure-${refusal.measureId}` : null;
  return field ? new AppError(code, CORRECT_FIELDS, { [field]: [words] }) : new AppError(code, words);
}
