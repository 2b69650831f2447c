import { data } from "@remix-run/node";

// Every unknown address ends in the designed 404 page of the root error boundary.
export function loader() {
  throw data({ message: "Siden findes ikke." }, { status: 404 });
}

export default function NotFound() {
  return null;
}
