export function App() {
  return (
    <header className="app-header">
      <h1>Lockstep</h1>
      <p>Station</p>
    </header>
  );
}
