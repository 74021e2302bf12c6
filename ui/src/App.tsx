export function App() {
  return (
    <main className="app">
      <h1>Sendblue Console</h1>
      <p>The console's pages arrive with the shell issue.</p>
    </main>
  );
}
