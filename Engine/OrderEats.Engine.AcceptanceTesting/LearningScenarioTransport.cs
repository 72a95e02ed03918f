namespace OrderEats.Engine.AcceptanceTesting;

internal sealed class LearningScenarioTransport : ScenarioTransport
{
    internal override Task<IScenarioTransportRun> Begin(IReadOnlyList<string> endpointQueues, CancellationToken cancellationToken) =>
        Task.FromResult<IScenarioTransportRun>(new Run(Path.Combine(Path.GetTempPath(), "ordereats-scenario-" + Guid.NewGuid().ToString("N"))));

    private sealed class Run(string folder) : IScenarioTransportRun
    {
        public void Configure(EndpointConfiguration configuration) => configuration.UseLearningTransport(folder);

        public ValueTask DisposeAsync()
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
                // A file still held open (a receiver that did not stop in time) leaves the folder for the OS temp cleanup.
            }

            return ValueTask.CompletedTask;
        }
    }
}
