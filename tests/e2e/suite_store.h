#pragma once
// The scratch folder of an end-to-end suite and the store in it that the suite's cases query:
// made once by the suite's SetUpTestSuite, removed by TearDownTestSuite.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "scratch_folder.h"
#include "shell.h"

namespace diplograph::e2e {

// PATH in single quotes, for a shell command line (test paths hold no single quote).
inline std::string quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

class SuiteWithStore : public ::testing::Test {
 protected:
  // Makes the suite's folder, named after PREFIX.
  static void makeFolder(const std::string& prefix) {
    folder_ = std::make_unique<test_support::ScratchFolder>(prefix);
  }
  // Makes the folder and ingests INPUTS (shell words, relative to the source folder) into its store.
  static void ingest(const std::string& prefix, const std::string& inputs) {
    makeFolder(prefix);
    const auto run = diplograph("ingest --quiet " + store() + " " + inputs);
    ASSERT_EQ(run.status, 0) << run.err;
  }
  static void TearDownTestSuite() { folder_.reset(); }

  static const std::filesystem::path& dir() { return folder_->path(); }
  static std::string store() { return "--store " + quoted(dir() / "store"); }
  static std::filesystem::path file(const std::string& name, const std::string& bytes) {
    return folder_->write(name, bytes);
  }

 private:
  static inline std::unique_ptr<test_support::ScratchFolder> folder_;
};

}  // namespace diplograph::e2e
