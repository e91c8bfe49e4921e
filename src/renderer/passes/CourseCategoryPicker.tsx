// Steps 2 and 3 of the article: "Click Course Category and select one, or choose Select All",
// then "Click on the course module name (not the name of the course!)". The course shows
// under each module as context; only a module can be chosen.
import { useEffect } from 'react';
import { blueBucksText } from './pass-text';
import { MODULES_PER_PAGE, usePassPanel } from './pass-panel-store';

const SELECT_ALL = '__all__';

export function CourseCategoryPicker() {
  const categories = usePassPanel((s) => s.categories);
  const totalModules = usePassPanel((s) => s.totalModules);
  const categoryId = usePassPanel((s) => s.categoryId);
  const modules = usePassPanel((s) => s.modules);
  const modulesTotal = usePassPanel((s) => s.modulesTotal);
  const modulesOffset = usePassPanel((s) => s.modulesOffset);
  const chosen = usePassPanel((s) => s.module);
  const moduleKeyword = usePassPanel((s) => s.moduleKeyword);
  const { loadCategories, chooseCategory, chooseModule, searchModules, loadModules } = usePassPanel.getState();

  useEffect(() => {
    if (categories === null) void loadCategories();
  }, [categories, loadCategories]);

  const value = categoryId === undefined ? '' : categoryId === null ? SELECT_ALL : categoryId;
  return (
    <section className="pass-step pass-modules" aria-label="Categories and modules">
      <label className="pass-step-title" htmlFor="course-category">
        Course Category
      </label>
      <select
        id="course-category"
        value={value}
        onChange={(e) => void chooseCategory(e.target.value === SELECT_ALL ? null : e.target.value)}
      >
        <option value="" disabled>
          {categories === null ? 'Loading categories…' : 'Choose a category'}
        </option>
        <option value={SELECT_ALL}>Select All ({totalModules} modules)</option>
        {(categories ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.modules})
          </option>
        ))}
      </select>
      {categoryId !== undefined && (
        <>
          <input
            type="search"
            aria-label="Filter modules"
            placeholder="Filter modules or courses"
            value={moduleKeyword}
            onChange={(e) => void searchModules(e.target.value)}
          />
          <p className="hint">Choose the course module — a pass is per module, not per course.</p>
          <ul className="module-list" aria-label="Course modules">
            {modules.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  className="module-choice"
                  aria-pressed={chosen?.id === m.id}
                  aria-label={`${m.name} (${m.courseName})`}
                  onClick={() => void chooseModule(m)}
                >
                  <span className="module-name">{m.name}</span>
                  <span className="module-course">
                    {m.courseName}
                    {categoryId === null ? ` · ${m.categoryName}` : ''}
                  </span>
                  <span className={m.blueBucks > 0 ? 'bucks bucks-paid' : 'bucks'}>{blueBucksText(m.blueBucks)}</span>
                </button>
              </li>
            ))}
            {modules.length === 0 && <li className="hint">No module matches.</li>}
          </ul>
          {modulesTotal > MODULES_PER_PAGE && (
            <div className="pager" aria-label="Module pages">
              <button type="button" disabled={modulesOffset === 0} onClick={() => void loadModules(Math.max(0, modulesOffset - MODULES_PER_PAGE))}>
                Previous
              </button>
              <span className="hint">
                {modulesOffset + 1}–{Math.min(modulesOffset + MODULES_PER_PAGE, modulesTotal)} of {modulesTotal}
              </span>
              <button type="button" disabled={modulesOffset + MODULES_PER_PAGE >= modulesTotal} onClick={() => void loadModules(modulesOffset + MODULES_PER_PAGE)}>
                Next
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
