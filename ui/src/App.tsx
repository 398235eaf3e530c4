import { libraryApi, onFilesDropped } from "./api";
import { LibraryView } from "./library/LibraryView";

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>SourceLens</h1>
        <p className="tagline">Who each outlet quotes, and who it leaves out</p>
      </header>
      <LibraryView api={libraryApi} subscribeToDrops={onFilesDropped} />
    </div>
  );
}
