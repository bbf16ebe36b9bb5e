import { ButtonLink } from "@/components/ui/button-link";
import { formatDateTime } from "@/lib/model/format";

/** On /account: the open elections in which the person's household has not voted yet, each with the way to its ballot. */
export function AccountBallotBox({ ballots }: { ballots: { slug: string; title: string; closesAt: Date }[] }) {
  if (ballots.length === 0) return null;
  return (
    <section aria-labelledby="ballots-heading" className="mt-8 max-w-prose rounded-md border border-leaf-700 bg-leaf-50 p-4">
      <h2 id="ballots-heading" className="text-xl font-bold text-leaf-900">
        Your household has a vote
      </h2>
      <ul className="mt-2 space-y-3">
        {ballots.map((ballot) => (
          <li key={ballot.slug}>
            <p>Voting closes {formatDateTime(ballot.closesAt)}.</p>
            <p className="mt-2">
              <ButtonLink href={`/elections/${ballot.slug}/vote`} prefetch={false}>
                Vote in {ballot.title}
              </ButtonLink>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
