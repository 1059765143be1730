import { RouterProvider } from 'react-router';
import { router } from './routes';

/** The app: every page hangs off the router (see routes.tsx). */
export function App() {
  return <RouterProvider router={router} />;
}
