// Reading a document: bytes from disk, validated, turned into the text the user sees.
#include <fcntl.h>
#include <libxml/HTMLparser.h>
#include <openssl/evp.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include "diplograph/extract/error.h"
#include "diplograph/extract/extractor.h"

namespace diplograph::extract {
namespace {

namespace fs = std::filesystem;

std::string sha256(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
    throw std::logic_error("SHA-256 unavailable");
  std::string hex;
  char buffer[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(buffer, sizeof buffer, "%02x", digest[i]);
    hex += buffer;
  }
  return hex;
}

// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t invalidUtf8At(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t length = 0;
    unsigned int min = 0;
    unsigned int codePoint = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      length = 2, min = 0x80, codePoint = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3, min = 0x800, codePoint = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4, min = 0x10000, codePoint = c & 0x07;
    } else {
      return i;
    }
    if (i + length > s.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const unsigned char next = static_cast<unsigned char>(s[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3F);
    }
    if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) return i;
    i += length;
  }
  return std::string::npos;
}

bool looksBinary(const std::string& s) {
  std::size_t control = 0;
  for (unsigned char c : s.substr(0, 8192)) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return control * 20 > std::min<std::size_t>(s.size(), 8192);  // more than 5% control characters
}

std::string lowerExtension(const fs::path& path) {
  std::string extension = path.extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension;
}

void silencePoppler(const std::string&, void*) {}

std::string pdfText(const std::string& bytes, const std::string& source) {
  poppler::set_debug_error_function(silencePoppler, nullptr);
  std::vector<char> data(bytes.begin(), bytes.end());
  // A PDF ends with %%EOF (readers tolerate a little trailing junk): without it the file was cut
  // short, and poppler would rebuild what it can and give part of the text without a word.
  if (bytes.find("%%EOF", bytes.size() > 2048 ? bytes.size() - 2048 : 0) == std::string::npos)
    throw InputError(source + ": the PDF is truncated (it does not end with %%EOF); get the whole file again");
  std::unique_ptr<poppler::document> document(poppler::document::load_from_data(&data));
  if (!document) throw InputError(source + ": cannot read this PDF (damaged, or encrypted in a way poppler cannot open)");
  if (document->is_locked())
    throw InputError(source + ": the PDF is encrypted with a password; decrypt it first, e.g. qpdf --decrypt --password=PASSWORD IN.pdf OUT.pdf");
  std::string text;
  for (int i = 0; i < document->pages(); ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    if (!page) continue;
    const auto utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
    if (i > 0) text += '\f';
    text.append(utf8.begin(), utf8.end());
  }
  if (text.find_first_not_of(" \t\r\n\f") == std::string::npos)
    throw InputError(source + ": the PDF has no text layer (a scan?); run OCR first");
  return text;
}

// Visible text of an HTML page: tags dropped, entities decoded by libxml2's forgiving HTML
// parser, a line break after each block element, script and style skipped.
void collectHtmlText(xmlNode* node, std::string& out) {
  static const std::set<std::string> kSkipped = {"script", "style", "head", "noscript", "template"};
  static const std::set<std::string> kBlocks = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                                                "tr", "table", "section", "article", "header", "footer", "blockquote",
                                                "pre", "title", "dt", "dd", "hr", "td", "th"};
  for (xmlNode* child = node; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (child->content != nullptr) out += reinterpret_cast<const char*>(child->content);
      continue;
    }
    if (child->type != XML_ELEMENT_NODE) continue;
    const std::string name = reinterpret_cast<const char*>(child->name);
    if (kSkipped.count(name)) continue;
    collectHtmlText(child->children, out);
    if (kBlocks.count(name)) {
      out += name == "td" || name == "th" ? "\t" : "\n";
    }
  }
}

std::string htmlText(const std::string& bytes, const std::string& source) {
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> document(
      htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET),
      xmlFreeDoc);
  if (!document) throw InputError(source + ": cannot parse this HTML");
  std::string text;
  collectHtmlText(xmlDocGetRootElement(document.get()), text);
  // Collapse the blank lines markup leaves behind, keeping paragraph breaks.
  std::string out;
  int newlines = 0;
  for (char c : text) {
    if (c == '\n') {
      if (++newlines <= 2) out += c;
      continue;
    }
    if (newlines > 0 && (c == ' ' || c == '\t')) continue;
    newlines = 0;
    out += c;
  }
  return out;
}

// The reason an open() or read() failed, in words a user acts on.
std::string reason(int error) {
  switch (error) {
    case ENOENT: return "no such file or directory";
    case EACCES:
    case EPERM: return "permission denied";
    case ELOOP: return "a loop of symbolic links";
    case EISDIR: return "is a folder, not a document";
    default: return std::strerror(error);
  }
}

std::string mebibytes(std::uintmax_t bytes) {
  char text[32];
  const double mib = static_cast<double>(bytes) / (1 << 20);
  if (bytes % (1 << 20) == 0) std::snprintf(text, sizeof text, "%.0f MiB", mib);
  else std::snprintf(text, sizeof text, "%.1f MiB", mib);
  return text;
}

// Reads at most `limit` bytes of a regular file. The size is checked before reading, and the
// read stops one byte past the limit (a file that grows meanwhile, /proc), so memory never holds
// more than the limit. O_NONBLOCK: opening a FIFO must not wait for a writer.
std::string readBounded(const fs::path& path, std::uintmax_t limit, const std::string& source) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) throw InputError(source + ": " + reason(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) throw InputError(source + ": " + reason(errno));
  if (S_ISDIR(info.st_mode)) throw InputError(source + ": is a folder, not a document");
  if (!S_ISREG(info.st_mode)) throw InputError(source + ": not a regular file (a device, pipe or socket)");
  const auto tooLarge = [&](const std::string& size) {
    return InputError(source + ": " + size + " is over the limit of " + mebibytes(limit) +
                      " per document (--max-document-mb raises it)");
  };
  if (static_cast<std::uintmax_t>(info.st_size) > limit) throw tooLarge(mebibytes(static_cast<std::uintmax_t>(info.st_size)));
  std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t filled = 0;
  for (;;) {
    if (filled == bytes.size()) {
      if (bytes.size() > limit) throw tooLarge("the file grew while being read; it");
      bytes.resize(std::min<std::uintmax_t>(limit + 1, std::max<std::size_t>(bytes.size() * 2, 4096)));
    }
    const ssize_t n = ::read(fd, bytes.data() + filled, bytes.size() - filled);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw InputError(source + ": cannot read (" + reason(errno) + ")");
    if (n == 0) break;
    filled += static_cast<std::size_t>(n);
  }
  bytes.resize(filled);
  if (bytes.size() > limit) throw tooLarge("the file grew while being read; it");
  return bytes;
}

// Decodes `bytes` from `charset` to UTF-8 with ICU's converters, stopping at the first byte
// sequence the charset does not define (ICU would otherwise substitute U+FFFD silently).
std::string decodeWith(const char* charset, const std::string& bytes, const std::string& source) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open(charset, &status), ucnv_close);
  if (U_FAILURE(status)) throw std::logic_error(std::string("ICU has no converter for ") + charset);
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  icu::UnicodeString text;
  const char* in = bytes.data();
  const char* const end = in + bytes.size();
  std::u16string buffer(8192, u'\0');
  while (true) {
    UChar* out = reinterpret_cast<UChar*>(buffer.data());
    status = U_ZERO_ERROR;
    ucnv_toUnicode(converter.get(), &out, out + buffer.size(), &in, end, nullptr, true, &status);
    text.append(reinterpret_cast<const UChar*>(buffer.data()), static_cast<int32_t>(out - reinterpret_cast<UChar*>(buffer.data())));
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) {
      char invalid[8];
      int8_t length = sizeof invalid;
      UErrorCode ignored = U_ZERO_ERROR;
      ucnv_getInvalidChars(converter.get(), invalid, &length, &ignored);
      const auto offset = static_cast<std::size_t>(in - bytes.data()) - static_cast<std::size_t>(U_SUCCESS(ignored) ? length : 0);
      throw InputError(source + ": invalid " + charset + " at byte " + std::to_string(offset));
    }
    break;
  }
  std::string utf8;
  text.toUTF8String(utf8);
  return utf8;
}

// Text with a byte-order mark: UTF-16 and UTF-32 are decoded to UTF-8 (ICU's signature
// detection, then its converter); a UTF-8 mark is dropped. Returns nothing without a mark.
std::optional<std::pair<std::string, std::string>> decodeByBom(const std::string& bytes, const std::string& source) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t markLength = 0;
  const char* name =
      ucnv_detectUnicodeSignature(bytes.data(), static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 4)), &markLength, &status);
  if (U_FAILURE(status) || name == nullptr) return std::nullopt;
  const std::string charset = name;
  const std::string body = bytes.substr(static_cast<std::size_t>(markLength));
  if (charset == "UTF-8") return std::make_pair(charset, body);
  if (charset != "UTF-16LE" && charset != "UTF-16BE" && charset != "UTF-32LE" && charset != "UTF-32BE") return std::nullopt;
  return std::make_pair(charset, decodeWith(charset.c_str(), body, source));
}

// "UTF-16LE"/"UTF-16BE" when the bytes look like UTF-16 without a byte-order mark: ASCII text
// with a zero byte beside every character, all on the same side.
const char* utf16WithoutBom(const std::string& bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
  if (n < 4) return nullptr;
  std::size_t evenZeros = 0;
  std::size_t oddZeros = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (bytes[i] == '\0') ++(i % 2 == 0 ? evenZeros : oddZeros);
  }
  if (oddZeros * 10 >= n * 4 && evenZeros * 50 < n) return "UTF-16LE";
  if (evenZeros * 10 >= n * 4 && oddZeros * 50 < n) return "UTF-16BE";
  return nullptr;
}

// Latin-1 text saved by an older editor: the file is not UTF-8, holds no UTF-8 multi-byte
// sequence anywhere (so it is not UTF-8 with a damaged byte), and every byte above 0x7F is a
// character of Windows-1252, the superset of Latin-1 that web browsers read "latin1" as.
bool looksLatin1(const std::string& bytes) {
  std::size_t high = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) continue;
    ++high;
    if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) return false;  // undefined in Windows-1252
    // A lead byte followed by the right number of continuation bytes is UTF-8, not Latin-1.
    const std::size_t length = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (length == 0 || i + length > bytes.size()) continue;
    bool sequence = true;
    for (std::size_t k = 1; k < length; ++k) sequence = sequence && (static_cast<unsigned char>(bytes[i + k]) & 0xC0) == 0x80;
    if (sequence && invalidUtf8At(bytes.substr(i, length)) == std::string::npos) return false;
  }
  return high > 0;
}

// Control characters other than tab, line feed, carriage return and form feed (page breaks)
// become spaces: one code point for one, so offsets hold, and no output format (XML, DOT,
// terminals) receives a raw control character from a document.
std::string withoutControls(std::string text) {
  for (char& c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || u == 0x7F) c = ' ';
  }
  return text;
}

}  // namespace

Document readDocument(const std::filesystem::path& path, const ReadOptions& options) {
  const std::string source = path.string();
  std::string bytes = readBounded(path, std::min(options.maxBytes, kLargestMaxDocumentBytes), source);
  Document document{source, "", sha256(bytes)};
  if (bytes.empty()) throw InputError(source + ": the file is empty (0 bytes)");
  if (bytes.rfind("%PDF-", 0) == 0 || lowerExtension(path) == ".pdf") {
    if (bytes.rfind("%PDF-", 0) != 0) throw InputError(source + ": not a PDF file (no %PDF header)");
    document.text = withoutControls(pdfText(bytes, source));
    document.encoding = "PDF";
    return document;
  }
  if (const auto decoded = decodeByBom(bytes, source)) {
    document.encoding = decoded->first;
    bytes = std::move(decoded->second);
  } else if (const char* utf16 = utf16WithoutBom(bytes)) {
    throw InputError(source + ": looks like " + utf16 + " text without a byte-order mark; convert it with: iconv -f " +
                     utf16 + " -t UTF-8");
  }
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string::npos)
    throw InputError(source + ": the file is empty (only blank space)");
  if (looksBinary(bytes)) throw InputError(source + ": looks like a binary file, not a text document");
  if (const auto bad = invalidUtf8At(bytes); bad != std::string::npos) {
    if (document.encoding != "UTF-8" || !looksLatin1(bytes)) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(bytes[bad]));
      throw InputError(source + ": invalid UTF-8 at byte " + std::to_string(bad) + " (" + hex +
                       "); re-save the file as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8 if it is Latin-1");
    }
    bytes = decodeWith("windows-1252", bytes, source);
    document.encoding = "windows-1252";
  }
  const std::string extension = lowerExtension(path);
  document.text = withoutControls(extension == ".html" || extension == ".htm" ? htmlText(bytes, source) : std::move(bytes));
  return document;
}

}  // namespace diplograph::extract
