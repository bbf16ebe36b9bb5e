/**
 * Demo newsletter campaigns, shown in the public email archive as if sent: fresh text for
 * the demo co-op (Rochester, NY). Days are counted back from the day the demo is seeded.
 */
export type DemoCampaign = { slug: string; subject: string; markdown: string; sentDaysAgo: number };

export const demoCampaigns: DemoCampaign[] = [
  {
    slug: "squash-season-and-the-bulk-aisle",
    subject: "Squash season, a bigger bulk aisle, and your board election",
    sentDaysAgo: 41,
    markdown: `Hello, neighbours!

The first frost came early this year, and the squash came with it. **Delicata, butternut and red kuri** from Plumb Hill Farm in Ontario County are stacked by the door, and they keep on the counter for weeks.

## The bulk aisle has grown

Over the last month our staff and a few very patient owners moved the bulk bins to the back wall. We now carry **28 more items** in bulk, among them:

- French green lentils and split mung beans
- Rolled rye and steel-cut oats from a mill in the Finger Lakes
- Fair-trade cocoa nibs and three kinds of raisins

Bring your own jars: weigh them at the front register first, and we take the jar's weight off at checkout.

## Vote for the board

Three seats on the board are up for election. Candidate statements are on the board table by the café and on our [board page](/about/board). Every owner household has one vote; ballots are due by the end of the month.

## Recipe: roasted delicata rings

1. Heat the oven to 425 °F.
2. Slice two delicata into half-inch rings (the skin is tender, leave it on) and scoop out the seeds.
3. Toss with olive oil, salt and a pinch of smoked paprika.
4. Roast 20–25 minutes, turning once, until browned at the edges.

See you in the aisles,

*The staff of Marshall Street Food Co-op*`,
  },
  {
    slug: "winter-hours-and-the-soup-swap",
    subject: "Winter hours, the soup swap, and owner appreciation days",
    sentDaysAgo: 12,
    markdown: `Hello again,

Winter is settling in on Marshall Street. A few things to know before the holidays:

## Winter hours

From the first of the month we open at **8 a.m.** instead of 7 on weekdays. We still close at 9 p.m. every day. The store is closed on Thanksgiving Day and on December 25.

## The soup swap is back

Make a big pot of your favourite soup, freeze it in quart containers, and bring it to the community room on the second Saturday at 11 a.m. Go home with as many different soups as you brought. Labels and a marker are on us; please list the ingredients for those with allergies.

## Owner appreciation days

Owners save **10% on one shopping trip** during owner appreciation days, the Friday to Sunday before the solstice. Not an owner yet? [Read why people join](/owners) — it takes a few minutes to [apply online](/owners/apply), and your savings start with your first payment.

## From the produce team

> Citrus is here: Satsuma mandarins, Cara Cara navels and Meyer lemons, all organic, all in season until February.

Stay warm,

*The staff of Marshall Street Food Co-op*`,
  },
];
