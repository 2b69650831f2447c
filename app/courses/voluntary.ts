// Voluntary external courses: taken elsewhere, registered by the employee (self-reported).
export const VOLUNTARY_COURSES = [
  {
    key: "elements-of-ai",
    title: "Elements of AI",
    url: "https://www.elementsofai.com/",
    description:
      "Et gratis onlinekursus om, hvad AI er, og hvad den kan og ikke kan. Det er lavet af Helsinki Universitet og kræver hverken programmering eller matematik. Kurset nævnes på Medarbejdersiden som et frivilligt tilbud. Det findes på mange sprog; se på kursets side, om der er en dansk udgave.",
  },
] as const;

export type VoluntaryCourseKey = (typeof VOLUNTARY_COURSES)[number]["key"];
