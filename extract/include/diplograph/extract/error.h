#pragma once
// Errors a user can cause, thrown inside the libraries and caught once, in cli/main.cpp.
// Internal invariant failures use std::logic_error instead and are bugs.
#include <stdexcept>
#include <string>

namespace diplograph {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  // Process exit code the CLI uses for this kind of error.
  virtual int exitCode() const { return 1; }
};

// A bad document or path: missing, empty, binary, invalid UTF-8, unreadable PDF.
class InputError : public Error {
 public:
  using Error::Error;
  int exitCode() const override { return 3; }
};

// Malformed SPARQL, unknown canned query, missing or bad parameter.
class QueryError : public Error {
 public:
  using Error::Error;
  int exitCode() const override { return 4; }
};

// The store cannot be opened, is locked by another writer, or a write failed.
class StoreError : public Error {
 public:
  using Error::Error;
  int exitCode() const override { return 5; }
};

// Bad command-line usage: unknown flag, missing argument.
class UsageError : public Error {
 public:
  using Error::Error;
  int exitCode() const override { return 2; }
};

}  // namespace diplograph
