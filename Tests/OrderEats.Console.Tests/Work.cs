using OrderEats.Engine;

namespace OrderEats.Console.Tests;

public sealed record Work(string Text) : ICommand;
