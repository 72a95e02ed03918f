using OrderEats.Engine.Contracts;

namespace OrderEats.Engine.Pipeline;

/// <summary>
/// Checks the deserialized body against the rules its type declares before any handler runs. A violation is a <see cref="MessageContractException"/>
/// naming every offending member: unrecoverable by default, so the message goes to the error queue on its first attempt.
/// </summary>
internal sealed class ValidateContractStep(ContractValidator validator) : IIncomingStep
{
    private const int MaxListed = 10;

    public Task Invoke(IncomingContext context, Func<Task> next)
    {
        // A control message (the console's timeout cancel) has no body to check.
        if (context.Body is not { } message)
        {
            return next();
        }

        var errors = validator.Validate(message);
        if (errors.Count > 0)
        {
            var listed = string.Join("; ", errors.Take(MaxListed).Select(e => $"{e.Path}: {e.Error}"));
            var more = errors.Count > MaxListed ? $" (and {errors.Count - MaxListed} more)" : string.Empty;
            throw new MessageContractException(
                $"Message {context.MessageId} ({message.GetType().FullName}) breaks its contract: {listed}{more}. Fix the sender so that the body satisfies the contract of {message.GetType().Name}.",
                [.. errors.Select(e => e.Path).Distinct(StringComparer.Ordinal)]);
        }

        return next();
    }
}
