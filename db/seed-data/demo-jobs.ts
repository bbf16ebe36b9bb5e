import type { EmploymentType, JobApplicationStatus, PayUnit } from "@/lib/model/jobs";

/**
 * Demo job postings (three open, one closed) and their applicants: fictional people on the
 * reserved `.example` domain with phone numbers in the 555-01xx range. Pay is what a
 * Rochester, NY grocery pays in 2026 (upstate minimum wage $16.00 an hour). Days are
 * counted from the day the demo is seeded, so the postings stay open for a while.
 */

export type DemoApplicant = {
  name: string;
  email: string;
  phone: string;
  availability: string;
  isOwner: boolean;
  coverLetter: string;
  resumeText: string;
  status: JobApplicationStatus;
  notes?: string;
  /** Days before the seed day that the application came in. */
  appliedDaysAgo: number;
};

export type DemoJob = {
  slug: string;
  title: string;
  department: string;
  employmentType: EmploymentType;
  hours: string;
  payMinCents: number;
  payMaxCents: number | null;
  payUnit: PayUnit;
  location: string;
  description: string;
  responsibilities: string;
  qualifications: string;
  benefits: string;
  /** Days before the seed day that it was published. */
  publishedDaysAgo: number;
  /** Its closing day, in days after the seed day (negative: already passed). */
  closesInDays: number;
  /** Closed by staff this many days before the seed day; absent: still published. */
  closedDaysAgo?: number;
  applicants: DemoApplicant[];
};

const store = "At the store, 62 Marshall St, Rochester";

const benefits = `- A 15% staff discount on everything in the store, from the first day
- Paid time off that starts adding up with your first shift
- Health and dental insurance for anyone working 30 hours a week or more
- A free co-op ownership share after 90 days`;

export const demoJobs: DemoJob[] = [
  {
    slug: "cashier",
    title: "Cashier",
    department: "Front end",
    employmentType: "part_time",
    hours: "20–28 hours a week; evenings and at least one weekend day",
    payMinCents: 16_50,
    payMaxCents: 18_00,
    payUnit: "hour",
    location: store,
    description: `Our cashiers are the people most shoppers talk to, and often the reason they come back. You will ring up groceries, answer questions about owner benefits and the FLOWER discount, and keep the front of the store moving on a busy Saturday.

No register experience? We train every new cashier on the floor for their first two weeks.`,
    responsibilities: `- Check out shoppers quickly and accurately, with cash, cards, SNAP and WIC
- Tell shoppers about ownership and sign them up when they ask
- Bag with care: eggs on top, cold things together
- Keep the registers, belts and bag stations clean and stocked
- Help with go-backs and facing shelves when the lines are short`,
    qualifications: `- Friendly with strangers and patient when it is busy
- Comfortable counting change and using a touchscreen
- Able to stand for a shift and lift 25 pounds now and then
- 16 years or older`,
    benefits,
    publishedDaysAgo: 6,
    closesInDays: 38,
    applicants: [
      {
        name: "Jordan Reyes",
        email: "jordan.reyes@coop.example",
        phone: "585-555-0171",
        availability: "Weeknights after 4 pm and all day Sundays",
        isOwner: true,
        coverLetter: "I have shopped here since I was a kid and became an owner last year. I would love to work the front end.",
        resumeText: `Jordan Reyes — Rochester, NY

Experience
- Barista, a café on Monroe Ave (2024–present): opened the shop three mornings a week, handled cash and card sales, trained two new hires.
- Volunteer, South Wedge community fridge (2023–present): restocking and cleaning twice a week.

Education
- Monroe Community College, business courses (part time)`,
        status: "new",
        appliedDaysAgo: 1,
      },
      {
        name: "Priya Natarajan",
        email: "priya.natarajan@coop.example",
        phone: "585-555-0172",
        availability: "Saturdays and Sundays, and Tuesday and Thursday evenings",
        isOwner: false,
        coverLetter: "I am a college student looking for steady weekend hours close to campus.",
        resumeText: `Priya Natarajan

Work
- Cashier, a neighborhood pharmacy (2023–2025): register, returns, photo counter.
- Tutor, campus writing center (2024–present).

Skills: cash handling, Square and NCR registers, Tamil and English.`,
        status: "reviewing",
        notes: "Register experience; ask about summer availability.",
        appliedDaysAgo: 4,
      },
      {
        name: "Sam Whitaker",
        email: "sam.whitaker@coop.example",
        phone: "585-555-0173",
        availability: "Any evening; weekends",
        isOwner: false,
        coverLetter: "",
        resumeText: `Sam Whitaker — sam.whitaker@coop.example

- Bagger and cashier, Lake Avenue Market (2022–2024)
- Stock crew, a home goods store on Ridge Road (2024–present)

References on request.`,
        status: "interview",
        notes: "Interview booked with the front end lead.",
        appliedDaysAgo: 5,
      },
    ],
  },
  {
    slug: "produce-clerk",
    title: "Produce Clerk",
    department: "Produce",
    employmentType: "full_time",
    hours: "36–40 hours a week, early mornings (6 am starts), one weekend day",
    payMinCents: 17_00,
    payMaxCents: 19_50,
    payUnit: "hour",
    location: store,
    description: `Produce is the first thing shoppers see when they walk in, and in summer most of it comes from farms within fifty miles of Rochester. As a produce clerk you receive it, trim it, rotate it and build displays that make people want to cook.

You will work alongside our produce manager, learn what every local grower brings us, and have a say in what we order.`,
    responsibilities: `- Receive deliveries from our distributor and from local farms, checking quality and counts
- Wash, trim and crisp produce; cull what is past its best and log it for the food bank
- Build and keep full, tidy displays through the day
- Keep the cooler and the sales floor clean, and record cooler temperatures
- Answer shoppers' questions about what is in season and how to cook it`,
    qualifications: `- Some experience in a grocery, farm stand, restaurant or kitchen
- Happy with early starts and with working in a walk-in cooler
- Able to lift 50 pounds and use a pallet jack (we will train you on it)
- Curious about food and the people who grow it`,
    benefits,
    publishedDaysAgo: 3,
    closesInDays: 45,
    applicants: [
      {
        name: "Alex Kowalski",
        email: "alex.kowalski@coop.example",
        phone: "585-555-0174",
        availability: "Full time, Monday to Saturday; mornings preferred",
        isOwner: true,
        coverLetter: "I spent three seasons on a vegetable farm and want to be on the other end of the supply chain.",
        resumeText: `Alex Kowalski

- Field crew lead, a vegetable farm in Ontario County (2022–2025): harvest, wash-pack, CSA deliveries to the city.
- Market stand, Rochester Public Market (Saturdays, 2022–2025).

Certificate: ServSafe Food Handler (2024).`,
        status: "interview",
        notes: "Strong farm background. Second interview with the produce manager.",
        appliedDaysAgo: 2,
      },
      {
        name: "Tasha Greene",
        email: "tasha.greene@coop.example",
        phone: "585-555-0175",
        availability: "Full time; not available Sundays",
        isOwner: false,
        coverLetter: "I have worked produce at two grocery stores and would like a place where I can learn about local growers.",
        resumeText: `Tasha Greene — Rochester, NY

Produce associate, Northgate Grocers (2021–present)
- Ordering for the salad bar and cut fruit
- Trained new associates on rotation and culling

Produce clerk, Value Fresh Foods (2019–2021)`,
        status: "new",
        appliedDaysAgo: 1,
      },
    ],
  },
  {
    slug: "deli-cook",
    title: "Deli Cook",
    department: "Deli",
    employmentType: "part_time",
    hours: "24–30 hours a week, 7 am – 3 pm shifts including every other weekend",
    payMinCents: 18_00,
    payMaxCents: 21_00,
    payUnit: "hour",
    location: store,
    description: `Our deli makes soups, salads, grain bowls and a hot bar from scratch every morning, much of it vegan or gluten-free. We are looking for a cook who can follow a recipe to the gram and also suggest a better one.`,
    responsibilities: `- Prepare the day's soups, salads and hot bar from our recipes, in the quantities on the production sheet
- Label everything with its ingredients and allergens
- Keep the kitchen clean to Monroe County health code and log temperatures
- Help plan the seasonal menu with the deli manager`,
    qualifications: `- At least a year of cooking in a restaurant, café or institutional kitchen
- Knife skills and a sense of timing on a busy line
- Careful with allergens; ServSafe certification or willing to get it in your first month (we pay for it)`,
    benefits,
    publishedDaysAgo: 10,
    closesInDays: 32,
    applicants: [
      {
        name: "Marcus Bell",
        email: "marcus.bell@coop.example",
        phone: "585-555-0176",
        availability: "Weekdays, and every other weekend",
        isOwner: false,
        coverLetter: "I cook at a brunch place on Park Ave and want steadier daytime hours with food I believe in.",
        resumeText: `Marcus Bell

Line cook, a brunch restaurant (2023–present): eggs and griddle station, weekend brunch for 200 covers.
Prep cook, a college dining hall (2021–2023).

ServSafe Manager certified (2023).`,
        status: "offer",
        notes: "Offered $19.50 to start; waiting to hear back.",
        appliedDaysAgo: 8,
      },
      {
        name: "Lena Fischer",
        email: "lena.fischer@coop.example",
        phone: "585-555-0177",
        availability: "Tuesday to Saturday",
        isOwner: true,
        coverLetter: "Vegan baking and soups are my favorite things to make.",
        resumeText: `Lena Fischer

- Baker, a neighborhood bakery in Corn Hill (2022–present)
- Kitchen volunteer, a downtown soup kitchen (2020–present)`,
        status: "declined",
        notes: "Great baker, but looking for more hours than the role has. Told her about the bakery opening we expect in spring.",
        appliedDaysAgo: 9,
      },
    ],
  },
  {
    slug: "grocery-receiver",
    title: "Grocery Receiver",
    department: "Grocery",
    employmentType: "full_time",
    hours: "40 hours a week, Monday to Friday, 5 am – 1:30 pm",
    payMinCents: 18_50,
    payMaxCents: 20_50,
    payUnit: "hour",
    location: store,
    description: `The receiver checks in everything that comes through our back door, from pallets of bulk oats to a farmer's three cases of eggs, and makes sure we pay for what we actually got.`,
    responsibilities: `- Check deliveries against invoices and purchase orders
- Report shortages and damage to vendors
- Keep the receiving area and the back stock organized`,
    qualifications: `- Receiving or warehouse experience
- Careful with numbers and paperwork
- Able to lift 50 pounds and drive a pallet jack`,
    benefits,
    publishedDaysAgo: 70,
    closesInDays: -20,
    closedDaysAgo: 14,
    applicants: [
      {
        name: "Denise Carter",
        email: "denise.carter@coop.example",
        phone: "585-555-0178",
        availability: "Monday to Friday, early mornings",
        isOwner: false,
        coverLetter: "Ten years in receiving; I know my way around an invoice.",
        resumeText: `Denise Carter

Receiving clerk, a food distributor in Gates (2014–2025)
Forklift and pallet jack certified.`,
        status: "hired",
        notes: "Started on the first of the month.",
        appliedDaysAgo: 55,
      },
      {
        name: "Omar Haddad",
        email: "omar.haddad@coop.example",
        phone: "585-555-0179",
        availability: "Weekdays",
        isOwner: false,
        coverLetter: "",
        resumeText: `Omar Haddad — warehouse associate, a fulfillment center in Henrietta (2023–present); stocker, a discount store on Lyell Ave (2021–2023).`,
        status: "declined",
        appliedDaysAgo: 50,
      },
    ],
  },
];
