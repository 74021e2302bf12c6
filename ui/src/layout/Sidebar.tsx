import { PAGES, pageForPath, pagePath } from "../pages/registry.ts";
import { hrefFor, usePath } from "../router.ts";

/** Links to every page that exists (pages/registry.ts), the current one marked. */
export function Sidebar() {
  const current = pageForPath(usePath());
  return (
    <aside className="sidebar">
      <div className="sidebar__inner">
        <div className="sidebar__brand">
          <span className="sidebar__logo" aria-hidden="true" />
          Sendblue Console
        </div>
        <nav aria-label="Main" data-testid="sidebar">
          <ul className="sidebar__list">
            {PAGES.map((page) => (
              <li key={page.id}>
                <a
                  className="sidebar__link"
                  href={hrefFor(pagePath(page))}
                  data-testid={`nav-${page.id}`}
                  aria-current={page.id === current.id ? "page" : undefined}
                >
                  {page.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </aside>
  );
}
