import { AccountBar } from "./components/Account";
import { Link } from "./components/Link";
import { ClaimsPage } from "./pages/ClaimsPage";
import { InstitutionPage, TopicPage } from "./pages/GroupPages";
import { ResearcherPage } from "./pages/researcher/ResearcherPage";
import { SearchPage } from "./pages/SearchPage";
import { WorkPage } from "./pages/WorkPage";
import { useRoute, type Route } from "./router";

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case "search":
      return <SearchPage initial={route.query} />;
    case "researcher":
      return <ResearcherPage key={route.id} id={route.id} />;
    case "work":
      return <WorkPage key={route.id} id={route.id} />;
    case "topic":
      return <TopicPage key={route.id} id={route.id} />;
    case "institution":
      return <InstitutionPage key={route.id} id={route.id} />;
    case "claims":
      return <ClaimsPage />;
    case "missing":
      return (
        <p className="error" role="alert">
          Nothing lives at {route.path}. <Link to="/">Search</Link> instead.
        </p>
      );
  }
}

export function App() {
  const route = useRoute();
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <nav aria-label="Main">
          <Link to="/" className="brand">
            peergraph
          </Link>
          <Link to="/">Search</Link>
          <a href="/graphql">GraphQL playground</a>
        </nav>
        <AccountBar />
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
    </>
  );
}
